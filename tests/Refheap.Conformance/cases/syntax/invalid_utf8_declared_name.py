# -*- coding: utf-8 -*-
nameé = 1
