class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return '...'
    def describe(self):
        return '%s says %s' % (self.name, self.speak())
class Dog(Animal):
    def speak(self):
        return 'woof'
class Puppy(Dog):
    def __init__(self, name):
        super().__init__(name + ' jr')
    def speak(self):
        return super().speak() + '!'
for a in (Animal('a'), Dog('rex'), Puppy('rex')):
    print(a.describe())
print(Puppy.__mro__)
print(issubclass(Puppy, Animal), Puppy.__bases__)
