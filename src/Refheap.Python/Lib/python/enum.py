"""Enumerations: Enum, IntEnum, StrEnum, Flag, IntFlag and helpers (Refheap).

Members are created by the EnumType metaclass when the class body has run; every
enumeration class gets Enum.__new__ (lookup by value) as its __new__, so that
calling the class looks a member up even where the metaclass __call__ is bypassed.
"""

import sys
from types import MappingProxyType

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
           'ReprEnum', 'auto', 'unique', 'property', 'verify', 'member', 'nonmember',
           'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT', 'KEEP', 'global_flag_repr',
           'global_enum_repr', 'global_str', 'global_enum', 'EnumCheck', 'CONTINUOUS',
           'NAMED_FLAGS', 'UNIQUE', 'pickle_by_global_name', 'pickle_by_enum_name']

Enum = Flag = EJECT = _stdlib_enums = ReprEnum = None

_builtin_property = property


def _probe_type_setattr():
    # Some interpreters (Refheap) cannot delegate to type.__setattr__ from a metaclass;
    # there EnumType leaves attribute assignment alone.
    class _Meta(type):
        pass

    class _Probe(metaclass=_Meta):
        pass
    _keepalive.append(_Probe)
    try:
        type.__setattr__(_Probe, 'x', 1)
        return _Probe.x == 1
    except (AttributeError, TypeError):
        return False


def _probe_meta_call():
    # ... and some do not call a metaclass's __call__ when a class is called.
    class _Meta(type):
        def __call__(cls, *args):
            return True

    class _Probe(metaclass=_Meta):
        pass
    _keepalive.append(_Probe)
    return _Probe() is True


# The probe classes stay alive: Refheap's collector crashes when it collects a class
# made by a metaclass (NullReferenceException in ClearWeakrefKeepCallback).
_keepalive = []


_TYPE_SETATTR_WORKS = _probe_type_setattr()
_META_CALL_WORKS = _probe_meta_call()


def _without_metaclass_hooks(action, cls, *args):
    # take EnumType's __setattr__/__delattr__ away for the time of the action
    saved = {}
    for hook in ('__setattr__', '__delattr__'):
        if hook in EnumType.__dict__:
            saved[hook] = EnumType.__dict__[hook]
            delattr(EnumType, hook)
    try:
        action(cls, *args)
    finally:
        for hook, fn in saved.items():
            setattr(EnumType, hook, fn)


def _type_setattr(cls, name, value):
    if _TYPE_SETATTR_WORKS:
        type.__setattr__(cls, name, value)
    else:
        _without_metaclass_hooks(setattr, cls, name, value)


def _type_delattr(cls, name):
    if _TYPE_SETATTR_WORKS:
        type.__delattr__(cls, name)
    else:
        _without_metaclass_hooks(delattr, cls, name)


class nonmember(object):
    """Protects item from becoming an Enum member during class creation."""
    def __init__(self, value):
        self.value = value


class member(object):
    """Forces item to become an Enum member during class creation."""
    def __init__(self, value):
        self.value = value


def _is_descriptor(obj):
    return (hasattr(obj, '__get__') or hasattr(obj, '__set__') or hasattr(obj, '__delete__'))


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__'
            and name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_'
            and name[1:2] != '_' and name[-2:-1] != '_')


def _is_private(cls_name, name):
    pattern = '_%s__' % (cls_name.lstrip('_'),)
    return (len(name) > len(pattern) and name.startswith(pattern)
            and not name.endswith('__'))


def _is_single_bit(num):
    if num == 0:
        return False
    return num & (num - 1) == 0


def _bits_of(value):
    while value:
        low = value & -value
        yield low
        value ^= low


def _high_bit(value):
    return value.bit_length() - 1


def show_flag_values(value):
    return list(_bits_of(value))


def bin(num, max_bits=None):
    """Like the builtin bin(), with a separating space after the sign bit."""
    ceiling = 2 ** (num).bit_length()
    if num >= 0:
        s = _builtin_bin(num + ceiling).replace('1', '0', 1)
    else:
        s = _builtin_bin(~num ^ (ceiling - 1) + ceiling)
    sign = s[:3]
    digits = s[3:]
    if max_bits is not None:
        if len(digits) < max_bits:
            digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return '%s %s' % (sign, digits)


import builtins as _builtins
_builtin_bin = _builtins.bin
del _builtins

_auto_null = object()


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


class property(_builtin_property):
    """A property that, accessed on the enumeration class, looks a member up."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        super().__init__(fget, fset, fdel, doc)
        self.name = None

    def __set_name__(self, ownerclass, name):
        self.name = name

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            try:
                return ownerclass._member_map_[self.name]
            except (KeyError, AttributeError, TypeError):
                raise AttributeError('%r has no attribute %r' % (ownerclass, self.name))
        if self.fget is None:
            raise AttributeError('%r member has no attribute %r' % (ownerclass, self.name))
        return self.fget(instance)


_ALLOWED_SUNDERS = ('_order_', '_generate_next_value_', '_missing_', '_ignore_',
                    '_numeric_repr_', '_iter_member_', '_iter_member_by_value_',
                    '_iter_member_by_def_', '_value_repr_', '_add_alias_',
                    '_add_value_alias_')


class _EnumDict(dict):
    """The class namespace of an enumeration: records member names in order."""

    def __init__(self):
        super().__init__()
        self._member_names = {}
        self._last_values = []
        self._ignore = []
        self._auto_called = False
        self._cls_name = None

    def __setitem__(self, key, value):
        if self._cls_name is not None and _is_private(self._cls_name, key):
            pass
        elif _is_sunder(key):
            if key not in _ALLOWED_SUNDERS:
                raise ValueError('_sunder_ names, such as %r, are reserved for future Enum use'
                                 % (key,))
            if key == '_generate_next_value_':
                if self._auto_called:
                    raise TypeError('_generate_next_value_ must be defined before members')
                _gnv = value.__func__ if isinstance(value, staticmethod) else value
                setattr(self, '_generate_next_value', _gnv)
            elif key == '_ignore_':
                if isinstance(value, str):
                    value = value.replace(',', ' ').split()
                else:
                    value = list(value)
                self._ignore = value
                already = set(value) & set(self._member_names)
                if already:
                    raise ValueError('_ignore_ cannot specify already set names: %r'
                                     % (already,))
        elif _is_dunder(key):
            if key == '__order__':
                key = '_order_'
        elif key in self._member_names:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif _is_descriptor(value):
            pass
        else:
            if key in self:
                raise TypeError('%r already defined as %r' % (key, self[key]))
            if isinstance(value, member):
                value = value.value
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = self._generate_next_value(
                        key, 1, len(self._member_names), self._last_values[:])
                    self._auto_called = True
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                parts = []
                for v in value:
                    if isinstance(v, auto):
                        if v.value is _auto_null:
                            v.value = self._generate_next_value(
                                key, 1, len(self._member_names), self._last_values[:])
                            self._auto_called = True
                        v = v.value
                    parts.append(v)
                value = tuple(parts)
            self._member_names[key] = None
            self._last_values.append(value)
        super().__setitem__(key, value)

    def update(self, members=(), **more):
        if hasattr(members, 'keys'):
            for name in members.keys():
                self[name] = members[name]
        else:
            for name, value in members:
                self[name] = value
        for name, value in more.items():
            self[name] = value


def _find_data_type(class_name, bases):
    data_types = []
    for chain in bases:
        candidate = None
        for base in chain.__mro__:
            if base is object:
                continue
            elif isinstance(base, EnumType):
                if base._member_type_ is not object:
                    data_types.append(base._member_type_)
                    break
            elif '__new__' in base.__dict__ or '__dataclass_fields__' in base.__dict__:
                data_types.append(candidate or base)
                break
            else:
                candidate = candidate or base
    unique_types = []
    for t in data_types:
        if t not in unique_types:
            unique_types.append(t)
    if len(unique_types) > 1:
        raise TypeError('too many data types for %r: %r' % (class_name, set(unique_types)))
    elif unique_types:
        return unique_types[0]
    return object


def _get_mixins(class_name, bases):
    if not bases:
        return object, Enum
    first_enum = bases[-1]
    if not isinstance(first_enum, EnumType):
        raise TypeError('new enumerations should be created as '
                        '`EnumName([mixin_type, ...] [data_type,] enum_type)`')
    for chain in bases:
        for base in chain.__mro__:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError('<enum %r> cannot extend %r' % (class_name, base))
    member_type = _find_data_type(class_name, bases) or object
    return member_type, first_enum


def _find_new(classdict, member_type, first_enum):
    """The __new__ that creates members, and whether it takes the value as arguments.

    None stands for object.__new__ (some interpreters hand out a fresh object for
    object.__new__ on every access, so it is not compared by identity here)."""
    new = classdict.get('__new__')
    if isinstance(new, staticmethod):
        new = new.__func__
    if new is not None:
        return new, True
    for method in ('_new_member_', '__new__'):
        for possible in (member_type, first_enum):
            if possible is None or possible is object:
                continue
            for klass in possible.__mro__:
                if klass is object:
                    break
                if method in klass.__dict__:
                    target = klass.__dict__[method]
                    if isinstance(target, staticmethod):
                        target = target.__func__
                    if target is None or target is _enum_lookup_new:
                        break
                    return target, True
    return None, False


class EnumType(type):
    """Metaclass for Enum."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        metacls._check_for_existing_members(cls, bases)
        enum_dict = _EnumDict()
        enum_dict._cls_name = cls
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        if first_enum is not None:
            gnv = getattr(first_enum, '_generate_next_value_', None)
            if gnv is not None:
                enum_dict._generate_next_value = gnv
        return enum_dict

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        if not isinstance(classdict, _EnumDict):
            ns = _EnumDict()
            ns._cls_name = cls
            _, first = metacls._get_mixins_(cls, bases)
            if first is not None:
                ns._generate_next_value = first._generate_next_value_
            for k, v in classdict.items():
                ns[k] = v
            classdict = ns
        ignore = classdict._ignore
        member_names = list(classdict._member_names)
        body = {}
        for key in dict.keys(classdict):
            if key in ignore or key == '_ignore_':
                continue
            body[key] = dict.__getitem__(classdict, key)
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        if Enum is None:
            new, use_args = None, False
        else:
            new, use_args = _find_new(body, member_type, first_enum)
        members = {}
        for name in member_names:
            members[name] = body.pop(name)
        invalid = set(members) & {'mro', ''}
        if invalid:
            raise ValueError('invalid enum member name(s) %s'
                             % (','.join(repr(n) for n in sorted(invalid)),))
        body.pop('_order_', None)
        body['_new_member_'] = new
        body['_use_args_'] = use_args
        body['_member_names_'] = []
        body['_member_map_'] = {}
        body['_value2member_map_'] = {}
        body['_unhashable_values_'] = []
        body['_member_type_'] = member_type
        if '_value_repr_' not in body:
            if member_type is object:
                vr = None
            else:
                vr = member_type.__dict__.get('__repr__') or getattr(member_type, '__repr__', None)
                # a mixin without a repr of its own keeps the inherited one
            body['_value_repr_'] = vr
        is_flag = Flag is not None and any(issubclass(b, Flag) for b in bases)
        if Flag is not None and is_flag:
            body['_boundary_'] = (boundary or getattr(first_enum, '_boundary_', None))
            body['_flag_mask_'] = 0
            body['_all_bits_'] = 0
            body['_inverted_'] = None
        elif boundary is not None:
            body['_boundary_'] = boundary
        if Enum is not None:
            body['__new__'] = staticmethod(_enum_lookup_new)
        if Flag is not None and is_flag:
            # the Flag operators win over the data type's (int.__or__, ...)
            for op in ('__or__', '__and__', '__xor__', '__ror__', '__rand__', '__rxor__',
                       '__invert__'):
                if op not in body:
                    body[op] = Flag.__dict__[op]
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        if Enum is not None:
            defined = set(body)
            # ReprEnum (a direct base): str() and format() are the data type's
            if ReprEnum is not None and ReprEnum in bases and member_type is not object:
                if '__format__' not in defined:
                    _type_setattr(enum_class, '__format__', member_type.__format__)
                    defined.add('__format__')
                if '__str__' not in defined:
                    method = member_type.__str__
                    if method is object.__str__:
                        method = member_type.__repr__
                    _type_setattr(enum_class, '__str__', method)
                    defined.add('__str__')
            # the data type's (or object's) repr and friends give way to the Enum ones
            for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
                if name not in defined:
                    enum_method = getattr(first_enum, name)
                    found_method = getattr(enum_class, name)
                    if (found_method is getattr(object, name)
                            or found_method is getattr(member_type, name)
                            or found_method == getattr(object, name)
                            or found_method == getattr(member_type, name)):
                        _type_setattr(enum_class, name, enum_method)
        for name in member_names:
            metacls._add_member(enum_class, name, members[name])
        if Flag is not None and is_flag:
            mask = 0
            for m in enum_class._member_map_.values():
                if isinstance(m._value_, int) and _is_single_bit(m._value_):
                    mask |= m._value_
            _type_setattr(enum_class, '_flag_mask_', mask)
            _type_setattr(enum_class, '_all_bits_', 2 ** mask.bit_length() - 1)
        if not _META_CALL_WORKS and member_names and Enum is not None:
            # Calling the class goes straight to type.__call__ here, which would run a
            # member's __init__ again after the lookup: members are initialized already.
            if enum_class.__init__ is not Enum.__dict__['__init__']:
                _type_setattr(enum_class, '__init__', Enum.__dict__['__init__'])
        return enum_class

    def __init__(cls, *args, **kwds):
        super().__init__(*args[:3])

    @staticmethod
    def _add_member(enum_class, name, value):
        if not isinstance(value, tuple):
            args = (value,)
        else:
            args = value
        if enum_class._member_type_ is tuple:
            args = (args,)
        new = enum_class._new_member_
        if new is None:
            new = object.__new__
        if not enum_class._use_args_:
            enum_member = new(enum_class)
        else:
            enum_member = new(enum_class, *args)
        if not hasattr(enum_member, '_value_'):
            if enum_class._member_type_ is object or not enum_class._use_args_:
                enum_member._value_ = value
            else:
                try:
                    enum_member._value_ = enum_class._member_type_(*args)
                except Exception:
                    enum_member._value_ = value
        value = enum_member._value_
        enum_member._name_ = name
        enum_member.__objclass__ = enum_class
        enum_member.__init__(*args)
        enum_member._sort_order_ = len(enum_class._member_names_)
        canonical = None
        try:
            canonical = enum_class._value2member_map_.get(value)
        except TypeError:
            pass
        if canonical is None:
            for m in enum_class._member_map_.values():
                if m._value_ == value:
                    canonical = m
                    break
        if canonical is not None:
            enum_member = canonical
        else:
            if (Flag is None or not issubclass(enum_class, Flag)
                    or (isinstance(value, int) and _is_single_bit(value))):
                enum_class._member_names_.append(name)
        found = None
        for base in enum_class.__mro__[1:]:
            if name in base.__dict__:
                found = base.__dict__[name]
                break
        if isinstance(found, property):
            pass   # enum.property looks the member up in _member_map_
        else:
            _type_setattr(enum_class, name, enum_member)
        enum_class._member_map_[name] = enum_member
        try:
            enum_class._value2member_map_.setdefault(value, enum_member)
        except TypeError:
            enum_class._unhashable_values_.append(value)

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            import warnings
            warnings.warn(
                "in 3.12 __contains__ will no longer raise TypeError, but will return True or\n"
                "False depending on whether the value is a member or the value of a member",
                DeprecationWarning, stacklevel=2)
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (_type_name(member), _type_name(cls)))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError('%r cannot delete member %r.' % (cls.__name__, attr))
        _type_delattr(cls, attr)

    def __dir__(cls):
        interesting = set(['__class__', '__contains__', '__doc__', '__getitem__',
                           '__iter__', '__len__', '__members__', '__module__', '__name__',
                           '__qualname__'] + list(cls._member_names_))
        if cls._new_member_ is not None:
            interesting.add('__new__')
        if cls.__init_subclass__ is not object.__init_subclass__:
            interesting.add('__init_subclass__')
        if cls._member_type_ is object:
            return sorted(interesting)
        return sorted(set(dir(cls._member_type_)) | interesting)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __len__(cls):
        return len(cls._member_names_)

    @_builtin_property
    def __members__(cls):
        return MappingProxyType(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % (cls.__name__,)
        return "<enum %r>" % (cls.__name__,)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name,))
        _type_setattr(cls, name, value)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        _, first_enum = cls._get_mixins_(class_name, bases)
        classdict = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = first_enum._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        elif names is None:
            names = ()
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        if module is None:
            try:
                module = sys._getframe(2).f_globals['__name__']
            except (AttributeError, ValueError, KeyError):
                pass
        if module is None:
            classdict['__reduce_ex__'] = _reduce_ex_by_name_fail
        else:
            classdict['__module__'] = module
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    @classmethod
    def _check_for_existing_members(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if isinstance(base, EnumType) and base._member_names_:
                    raise TypeError('<enum %r> cannot extend %r' % (class_name, base))

    @classmethod
    def _get_mixins_(mcls, class_name, bases):
        return _get_mixins(class_name, bases)


EnumMeta = EnumType


def _type_name(obj):
    return type(obj).__qualname__


def _reduce_ex_by_name_fail(self, proto):
    raise TypeError('%r cannot be pickled' % (self,))


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    def __new__(cls, value, *args, **kwds):
        if args or kwds:
            # functional API reached through type.__call__
            names = args[0] if args else kwds.pop('names', None)
            return cls._create_(value, names, **kwds)
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        try:
            exc = None
            result = cls._missing_(value)
        except Exception as e:
            exc = e
            result = None
        try:
            if isinstance(result, cls):
                return result
            elif (Flag is not None and issubclass(cls, Flag)
                  and cls._boundary_ == EJECT and isinstance(result, int)):
                return result
            else:
                ve_exc = ValueError('%r is not a valid %s' % (value, cls.__qualname__))
                if result is None and exc is None:
                    raise ve_exc
                elif exc is None:
                    exc = TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                                    % (cls.__name__, result))
                if not isinstance(exc, ValueError):
                    exc.__context__ = ve_exc
                raise exc
        finally:
            exc = None
            ve_exc = None

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return '<%s.%s: %s>' % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __dir__(self):
        if self.__class__._member_type_ is object:
            interesting = set(['__class__', '__doc__', '__eq__', '__hash__', '__module__',
                               'name', 'value'])
        else:
            interesting = set(object.__dir__(self))
        for name in getattr(self, '__dict__', []):
            if name[0] != '_':
                interesting.add(name)
        for cls in self.__class__.mro():
            for name, obj in cls.__dict__.items():
                if name[0] == '_':
                    continue
                if isinstance(obj, _builtin_property):
                    if obj.fget is not None or name not in self._member_map_:
                        interesting.add(name)
                    else:
                        interesting.discard(name)
                elif name not in self._member_map_:
                    interesting.add(name)
        return sorted(interesting)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __deepcopy__(self, memo):
        return self

    def __copy__(self):
        return self

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_


_enum_lookup_new = Enum.__dict__['__new__']
if isinstance(_enum_lookup_new, staticmethod):
    _enum_lookup_new = _enum_lookup_new.__func__
_type_setattr(Enum, '_new_member_', None)
_type_setattr(Enum, '_use_args_', False)


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints."""


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) == 1:
            if not isinstance(values[0], str):
                raise TypeError('%r is not a string' % (values[0],))
        if len(values) >= 2:
            if not isinstance(values[1], str):
                raise TypeError('encoding must be a string, not %r' % (values[1],))
        if len(values) == 3:
            if not isinstance(values[2], str):
                raise TypeError('errors must be a string, not %r' % (values[2]))
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class FlagBoundary(StrEnum):
    """Control how out-of-range values are handled by Flag."""
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


class Flag(Enum, boundary=STRICT):
    """Support for flags."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = _high_bit(last_value)
        except Exception:
            raise TypeError('invalid flag value %r' % last_value) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _iter_member_(cls, value):
        for name in cls._member_names_:
            m = cls._member_map_[name]
            if m._value_ & value == m._value_ and m._value_:
                yield m

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        all_bits = cls._all_bits_
        neg_value = None
        if (not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask)):
            boundary = cls._boundary_
            if boundary == STRICT:
                max_bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError('%r invalid value %r\n    given %s\n  allowed %s' % (
                    cls, value, bin(value, max_bits), bin(flag_mask, max_bits)))
            elif boundary == CONFORM:
                value = value & flag_mask
            elif boundary == EJECT:
                return value
            elif boundary == KEEP:
                if value < 0:
                    value = (max(all_bits + 1, 2 ** (value.bit_length())) + value)
            else:
                raise ValueError('%r unknown flag boundary %r' % (cls, boundary))
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        member_value = value & flag_mask
        if unknown and cls._boundary_ != KEEP:
            raise ValueError('%s(%r) -->  unknown values %r [%s]'
                             % (cls.__name__, value, unknown, _builtin_bin(unknown)))
        if cls._member_type_ is object:
            pseudo_member = object.__new__(cls)
        else:
            pseudo_member = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo_member, '_value_'):
            pseudo_member._value_ = value
        names = [m._name_ for m in cls._iter_member_(member_value)]
        if names and unknown:
            names.append(str(unknown))
        pseudo_member._name_ = '|'.join(names) if names else None
        pseudo_member = cls._value2member_map_.setdefault(value, pseudo_member)
        if neg_value is not None:
            cls._value2member_map_[neg_value] = pseudo_member
        return pseudo_member

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r" % (
                type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        yield from self._iter_member_(self._value_)

    def __len__(self):
        return _builtin_bin(self._value_).count('1') if self._value_ >= 0 else 0

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return '<%s: %s>' % (cls_name, v_repr(self._value_))
        return '<%s.%s: %s>' % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return '%s.%s' % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        if self._inverted_ is None:
            if self._boundary_ in (EJECT, KEEP):
                inverted = self.__class__(~self._value_)
            else:
                inverted = self.__class__(self._flag_mask_ ^ self._value_)
            if isinstance(inverted, self.__class__):
                self._inverted_ = inverted
            else:
                return inverted
        return self._inverted_

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Support for integer-based Flags."""


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = []
    for name, m in enumeration.__members__.items():
        if name != m.name:
            duplicates.append((name, m.name))
    if duplicates:
        alias_details = ', '.join(['%s -> %s' % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration


class EnumCheck(StrEnum):
    """Various conditions to check an enumeration for."""
    CONTINUOUS = 'no skipped integer values'
    NAMED_FLAGS = 'multi-flag aliases may not contain unnamed flags'
    UNIQUE = 'one name per value'


CONTINUOUS, NAMED_FLAGS, UNIQUE = EnumCheck


class verify:
    """Check an enumeration for various constraints (only UNIQUE and CONTINUOUS here)."""

    def __init__(self, *checks):
        self.checks = checks

    def __call__(self, enumeration):
        for check in self.checks:
            if check is UNIQUE:
                duplicates = []
                for name, m in enumeration.__members__.items():
                    if name != m.name:
                        duplicates.append((name, m.name))
                if duplicates:
                    alias_details = ', '.join(['%s -> %s' % (alias, name)
                                               for (alias, name) in duplicates])
                    raise ValueError('aliases found in %r: %s' % (enumeration, alias_details))
            elif check is CONTINUOUS:
                values = set(e.value for e in enumeration)
                if len(values) < 2:
                    continue
                low, high = min(values), max(values)
                missing = [i for i in range(low, high + 1) if i not in values]
                if missing:
                    raise ValueError('invalid enum %r: missing values %s' % (
                        enumeration.__name__, ', '.join(str(m) for m in missing)))
        return enumeration


def global_enum_repr(self):
    module = self.__class__.__module__.split('.')[-1]
    return '%s.%s' % (module, self._name_)


def global_flag_repr(self):
    module = self.__class__.__module__.split('.')[-1]
    cls_name = self.__class__.__name__
    if self._name_ is None:
        return '%s.%s(%r)' % (module, cls_name, self._value_)
    return '|'.join('%s.%s' % (module, n) for n in self._name_.split('|'))


def global_str(self):
    if self._name_ is None:
        return '%s(%r)' % (self.__class__.__name__, self._value_)
    return self._name_


def global_enum(cls, update_str=False):
    """Export the members into the module's namespace (and give them global reprs)."""
    if issubclass(cls, Flag):
        cls.__repr__ = global_flag_repr
    else:
        cls.__repr__ = global_enum_repr
    if not issubclass(cls, ReprEnum) or update_str:
        cls.__str__ = global_str
    sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls


def pickle_by_global_name(self, proto):
    return self.name


def pickle_by_enum_name(self, proto):
    return getattr, (self.__class__, self._name_)
