# -*- coding: utf-8 -*-
# A comment may hold bytes that are not UTF-8: éÿ
print("runs")
x = "abcðŸ" + "d"
