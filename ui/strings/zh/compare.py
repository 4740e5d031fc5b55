"""对比页（两组配置并排训练）及其主页卡片的中文文字。"""

STRINGS = {
    "home.page.Compare.name": "对比",
    "home.page.Compare.what": "从同样的初始权重和数据出发，并排训练两组配置：Adam 对梯度下降、tanh 对 ReLU，任意设置互相对比。",
    "home.page.Compare.notes": "优化器（§13）、激活函数（§7–9）",
    "compare.title": "对比两次训练",
    "compare.intro": (
        "A 是一组游乐场配置；B 与 A 相同，只改了一处。两者从同样的初始权重、同样的数据出发，每次刷新训练同样多的 epoch，"
        "所以看到的差别都来自这一处改动。"
    ),
    "compare.field": "B 改动的设置",
    "compare.field_help": "游乐场里的任何设置：先选它，再在右边给出 B 的取值。",
    "compare.value_a": "A：{field} = {value}",
    "compare.value_b": "B：{field}",
    "compare.list_help": "用逗号分隔，写法与游乐场链接相同（如 8,8 或 relu,tanh）。",
    "compare.bad_value": "{field} 不能取这个值；B 保留原来的值。",
    "compare.side_a": "A",
    "compare.side_b": "B",
    "compare.legend": "训练（改动之处）",
    "compare.restart_help": "两次训练都从同样的初始权重重新开始。",
    "compare.share_help": "任何人打开这个链接，都会看到同样的对比（两组配置）。",
    "compare.edit_a": "在游乐场中打开 A",
    "compare.edit_b": "在游乐场中打开 B",
    "compare.no_difference": "A 和 B 是同一组配置：请为 B 选一处不同。",
    "compare.different_start": "这处改动让两个网络的权重不同（形状、初始化方法或种子不同），所以两次训练无法从同样的权重出发；除非改动的就是数据，数据仍然相同。",
    "compare.diverged": "有一次训练在第 {epoch} 个 epoch 发散（损失或权重变得过大）；两者都已暂停。试试更小的学习率。",
    "compare.ignored": "链接中有些参数无效，已忽略：{names}。",
    "compare.field.hidden": "隐藏层（单元数）",
    "compare.field.acts": "激活函数（每个隐藏层）",
    "compare.field.loss": "损失函数",
}
