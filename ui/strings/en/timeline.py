"""English strings of the Playground's timeline (checkpoints, scrubber, replay, Restart, New weights, recording)."""

STRINGS = {
    "timeline.restart": "Restart",
    "timeline.restart_help": (
        "Train again from the same initial weights on the same data: with nothing changed, the same run again, "
        "epoch for epoch."
    ),
    "timeline.new_weights": "New weights",
    "timeline.new_weights_help": (
        "Draw fresh random initial weights (a new weight seed) and start over: a different start, a different run."
    ),
    "timeline.key": "(key: {letter})",
    "timeline.empty": "Train a little: the timeline keeps checkpoints of the run to look back at and replay.",
    "timeline.scrub": "Timeline: look back at an epoch",
    "timeline.scrub_help": (
        "Drag to a checkpoint: training pauses and the map, the diagram, the picked point and a mark on the curves "
        "show that epoch. {count} checkpoints kept (at most {max}: every update at first, thinned as training "
        "goes on)."
    ),
    "timeline.epoch": "epoch {epoch}",
    "timeline.continue": "Continue from here",
    "timeline.continue_help": (
        "Make this checkpoint the network again (weights and optimizer state as they were) and drop what came "
        "after it; Play then trains on from here."
    ),
    "timeline.latest": "Back to latest",
    "timeline.replay": "Replay",
    "timeline.replay_help": "Play the checkpoints as an animation: watch the boundary form.",
    "timeline.stop_replay": "Stop replay",
    "timeline.looking": "Looking at epoch {epoch} (the network is at epoch {latest}).",
    "timeline.record": "Record",
    "timeline.record_help": "For a slide: the boundary forming as an animated GIF ({frames} frames, one per checkpoint shown), or the current view as a PNG.",
    "timeline.gif": "Download the boundary's evolution (GIF)",
    "timeline.png": "Download this view (PNG)",
    "timeline.stamp": "epoch {epoch} · loss {loss}",
}
