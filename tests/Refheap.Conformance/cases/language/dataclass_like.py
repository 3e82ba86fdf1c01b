from dataclasses import dataclass, field
@dataclass(order=True)
class Item:
    name: str
    qty: int = 0
    tags: list = field(default_factory=list)
a = Item('apple', 3)
b = Item('banana')
print(a, b)
print(a == Item('apple', 3), a < b, sorted([b, a])[0].name)
b.tags.append('yellow')
print(b.tags, Item('c').tags)
