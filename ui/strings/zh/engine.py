"""Engine errors shown on the pages (ui.i18n.error_text): `engine.<code>` formatted with the error's params."""

STRINGS = {
    # TrainingDiverged (engine): code "diverged_" + reason; {where} and {advice} come from ui.i18n.error_text.
    "engine.diverged_loss": (
        "{where}：训练发散，损失变成了 {loss}（大到无法表示）。这一步没有执行，模型保留最后一组有限的权重。"
        "可能的原因：{advice}。"
    ),
    "engine.diverged_weights": (
        "{where}：训练发散，权重变得大到无法表示（无穷大或 NaN）。这一步没有执行，模型保留最后一组有限的权重。"
        "可能的原因：{advice}。"
    ),
    "engine.diverged_inputs": (
        "{where}：训练发散，还没有训练任何一步，损失就已经是 {loss}。这一步没有执行，模型保留最后一组有限的权重。"
        "可能的原因：{advice}。"
    ),
    "engine.where_epoch": "第 {epoch} 个 epoch",
    "engine.where_step": "第 {epoch} 个 epoch 的第 {step} 步",
    "engine.advice_inputs": "输入值对这个网络来说太大了：请标准化特征（第一层用 Normalization），或把它们缩小",
    "engine.advice_learning_rate": "学习率（{learning_rate:g}）可能太高了：试试 {suggested_learning_rate:g}",
    "engine.advice_lower_learning_rate": "试试更低的学习率",
}
