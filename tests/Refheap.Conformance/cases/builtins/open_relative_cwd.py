import os
name = 'open_relative_cwd.tmp'
with open(name, 'w') as f:
    f.write('relative to the working directory\n')
print(os.path.exists(os.path.join(os.path.dirname(os.path.abspath(__file__)), name)))
with open(name) as f:
    print(f.read(), end='')
os.remove(name)
print(os.path.basename(os.getcwd()))
