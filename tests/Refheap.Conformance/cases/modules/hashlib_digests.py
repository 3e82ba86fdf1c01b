# hashlib: digests of md5/sha1/sha256/sha384/sha512 (one-shot, incremental, copy, new()),
# attributes, the argument errors, file_digest and pbkdf2_hmac.
import hashlib
import io

inputs = [b'', b'abc', b'a' * 1000, bytes(range(256)) * 40, 'héllo'.encode('utf-8')]
for name in ['md5', 'sha1', 'sha256', 'sha384', 'sha512']:
    ctor = getattr(hashlib, name)
    for data in inputs:
        print(name, len(data), ctor(data).hexdigest())
    h = ctor()
    for data in inputs:
        h.update(data)
    c = h.copy()
    c.update(b'more')
    print(name, 'incremental', h.hexdigest(), c.hexdigest()[:16], h.digest()[:4], h.name, h.digest_size, h.block_size)
    print(name, 'new', hashlib.new(name.upper(), b'abc').hexdigest() == ctor(b'abc').hexdigest(),
          hashlib.new(name, usedforsecurity=False).name)
h = hashlib.sha256(bytearray(b'xyz'))
h.update(memoryview(b'123'))
print(h.hexdigest(), type(h).__name__, type(h).__module__, repr(h).split(' @ ')[0])
for bad in [lambda: hashlib.new('nope'), lambda: hashlib.sha256('str'), lambda: hashlib.sha256().update(1),
            lambda: hashlib.new(1), lambda: hashlib.md5(data=b'x')]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sorted(hashlib.algorithms_guaranteed))
print({'md5', 'sha1', 'sha256', 'sha384', 'sha512'} <= hashlib.algorithms_available)
print(hashlib.file_digest(io.BytesIO(b'file contents' * 1000), 'sha256').hexdigest())
print(hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 1000).hex())
print(hashlib.pbkdf2_hmac('sha1', b'pw', b'NaCl', 2, dklen=10).hex(), hashlib.pbkdf2_hmac('SHA512', bytearray(b'p'), b's', 1, 8).hex())
print(hashlib.pbkdf2_hmac('md5', b'password', b'salt', 3, 40).hex(), hashlib.pbkdf2_hmac('sha384', b'', b'', 1).hex()[:16])
for bad in [lambda: hashlib.pbkdf2_hmac('sha256', b'p', b's', 0), lambda: hashlib.pbkdf2_hmac('sha256', b'p', b's', 1, 0),
            lambda: hashlib.pbkdf2_hmac('sha256', 'p', b's', 1), lambda: hashlib.pbkdf2_hmac('nope', b'p', b's', 1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
