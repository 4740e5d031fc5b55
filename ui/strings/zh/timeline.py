"""时间线（检查点、拖动回看、回放、重新开始、新的权重、录制）的中文文字。"""

STRINGS = {
    "timeline.restart": "重新开始",
    "timeline.restart_help": "用同样的初始权重、同样的数据再训练一次：什么都没改时，逐个 epoch 完全重现上一次训练。",
    "timeline.new_weights": "新的权重",
    "timeline.new_weights_help": "重新随机抽取初始权重（新的权重种子）并从头开始：起点不同，训练过程也不同。",
    "timeline.key": "（快捷键：{letter}）",
    "timeline.empty": "先训练一会儿：时间线会保存训练过程的检查点，供回看和回放。",
    "timeline.scrub": "时间线：回看某个 epoch",
    "timeline.scrub_help": (
        "拖到一个检查点：训练暂停，决策图、网络图、选中的点和曲线上的标记都显示那个 epoch。"
        "已保存 {count} 个检查点（最多 {max} 个：开始时每次刷新都保存，训练越久越稀疏）。"
    ),
    "timeline.epoch": "第 {epoch} 个 epoch",
    "timeline.continue": "从这里继续",
    "timeline.continue_help": "让网络回到这个检查点（权重和优化器状态都和当时一样），丢掉之后的部分；再点开始就从这里训练下去。",
    "timeline.latest": "回到最新",
    "timeline.replay": "回放",
    "timeline.replay_help": "把检查点按顺序播放成动画：看决策边界是怎样形成的。",
    "timeline.stop_replay": "停止回放",
    "timeline.looking": "正在回看第 {epoch} 个 epoch（网络当前在第 {latest} 个 epoch）。",
    "timeline.record": "录制",
    "timeline.record_help": "用于幻灯片：决策边界形成过程的动画 GIF（{frames} 帧，每个显示的检查点一帧），或当前视图的 PNG。",
    "timeline.gif": "下载决策边界的演变（GIF）",
    "timeline.png": "下载当前视图（PNG）",
    "timeline.stamp": "第 {epoch} 个 epoch · 损失 {loss}",
}
