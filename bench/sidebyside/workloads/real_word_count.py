# dict-heavy word counting over a generated text (split, lower, dict.get)
def make_text(nwords):
    syll = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'Ze', 'Pa']
    words = []
    x = 12345
    for i in range(nwords):
        x = (x * 1103515245 + 12345) & 0x7fffffff
        w = syll[x % 10] + syll[(x >> 4) % 10] + syll[(x >> 8) % 7]
        words.append(w)
    return ' '.join(words)
def count(text):
    counts = {}
    for w in text.split():
        w = w.lower()
        counts[w] = counts.get(w, 0) + 1
    return counts
text = make_text(400_000)
counts = count(text)
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(len(counts), top)
