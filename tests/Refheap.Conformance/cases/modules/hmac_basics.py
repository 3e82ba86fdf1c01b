# hmac: RFC 2104 digests for several hashes and key lengths, copy(), digest(), compare_digest.
import hashlib
import hmac

for name in ['md5', 'sha1', 'sha256', 'sha384', 'sha512']:
    for key in [b'', b'key', b'k' * 64, b'K' * 200]:
        h = hmac.new(key, b'The quick brown fox', name)
        print(name, len(key), h.hexdigest(), h.name, h.digest_size, h.block_size)
h = hmac.new(b'key', digestmod=hashlib.sha256)
h.update(b'part one ')
c = h.copy()
h.update(b'part two')
print(h.hexdigest(), c.hexdigest(), hmac.digest(b'key', b'part one part two', 'sha256') == h.digest())
print(hmac.new(bytearray(b'key'), memoryview(b'msg'), digestmod='md5').hexdigest(), type(h).__name__)
print(hmac.compare_digest(b'abc', b'abc'), hmac.compare_digest(b'abc', b'abd'), hmac.compare_digest(b'ab', b'abc'),
      hmac.compare_digest('abc', 'abc'), hmac.compare_digest(bytearray(b'x'), b'x'))
for bad in [lambda: hmac.new(b'k'), lambda: hmac.new('str', b'm', 'sha256'), lambda: hmac.new(b'k', 'str', 'md5'),
            lambda: hmac.compare_digest('a', b'a'), lambda: hmac.compare_digest('é', 'é'), lambda: hmac.compare_digest(1, 2),
            lambda: hmac.compare_digest(b'a', [1]), lambda: hmac.new(b'k', b'm', 'nope')]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
