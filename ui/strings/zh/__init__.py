"""Chinese. The text uses the course notes' own terms: 激活, 隐藏层, 输出层, 输入层, 神经元, 权重, 偏置."""

NAME = "中文"
