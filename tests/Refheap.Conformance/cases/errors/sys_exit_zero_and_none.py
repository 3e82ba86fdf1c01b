import sys
try:
    sys.exit()
except SystemExit as e:
    print('code', e.code)
try:
    sys.exit(0)
except SystemExit as e:
    print('code', e.code)
sys.exit(None)
