import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color(3), Color['RED'], Color.RED.name, Color.RED.value)
print(list(Color), len(Color), Color.RED is Color(1))
class Flags(enum.IntFlag):
    R = 4
    W = 2
    X = 1
print(Flags.R | Flags.W, int(Flags.R | Flags.X), Flags.W in (Flags.R | Flags.W))
