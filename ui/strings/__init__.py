"""Translated UI text. Each module here owns the keys of one page or area and defines

    STRINGS = {"area.key": ("English text", "中文文本"), ...}

Keys are prefixed with the module's area so modules never collide; `ui.i18n` merges them all.
Chinese text uses the course notes' own terms: 激活, 隐藏层, 输出层, 输入层, 神经元, 权重, 偏置.
"""
