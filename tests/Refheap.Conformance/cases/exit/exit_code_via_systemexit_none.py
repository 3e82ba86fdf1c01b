import sys
print('before')
raise SystemExit
