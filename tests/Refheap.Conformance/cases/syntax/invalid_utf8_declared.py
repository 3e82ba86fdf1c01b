# -*- coding: utf-8 -*-
print("latin-1 byte: é")
