STRINGS = {
    # home cards of the three classroom pages
    "home.page.Challenges.name": "Challenges",
    "home.page.Challenges.what": "Exercises with a goal and budgets: reach it within the parameters and epochs.",
    "home.page.Challenges.notes": "activations (§9), softmax, multi-label, Adam",
    "home.page.Teacher.name": "Teacher",
    "home.page.Teacher.what": "Create a class, and make a class link with hidden and locked controls and a task.",
    "home.page.Teacher.notes": "all sections",
    "home.page.Class_Board.name": "Class board",
    "home.page.Class_Board.what": "Your class's submissions, ranked live by each challenge's metric.",
    "home.page.Class_Board.notes": "all sections",
    # errors from ui/db.py (codes of DBInputError)
    "classroom.err.run_unknown": "There is no saved run with this link. Check the link, or save the run again.",
    "classroom.err.run_damaged": "This saved run cannot be opened (it is damaged): {detail}. Nothing was changed.",
    "classroom.err.run_too_large": "This run is too large to save (more than {limit} characters).",
    "classroom.err.run_upload": "A run on an uploaded file cannot be saved: the file itself is not stored.",
    "classroom.err.link_unknown": "There is no class link with this address. Ask your teacher for the link again.",
    "classroom.err.link_too_large": "The class link's settings are too large to store.",
    "classroom.err.code_unknown": "Unknown code. Check it with your teacher (codes are 16 letters, digits, - and _).",
    "classroom.err.nickname": (
        "A nickname is 1 to {limit} characters, without < or > or control characters."
    ),
    "classroom.err.class_name": "A class name is 1 to {limit} characters of plain text.",
    "classroom.err.task": "A task text is at most {limit} characters of plain text.",
    "classroom.err.class_full": "This class already has {limit} students.",
    "classroom.err.not_in_class": "You are not a member of this class: join it with its code first.",
    "classroom.err.too_fast": "Too many submissions: at most {n} per {seconds} seconds. Wait a moment.",
    "classroom.err.too_many": "You have sent the most submissions a student may ({n}).",
    "classroom.err.metric": "This run has no finite result yet: train it first.",
    "classroom.err.challenge_unknown": "Unknown challenge.",
    "classroom.err.db": "The class database is not reachable right now; nothing was saved. ({detail})",
    # saving runs
    "classroom.save": "Save run",
    "classroom.save_help": (
        "Saves this network: settings, weights, optimizer state, history and data edits. The link opens it "
        "again exactly, also after a restart or on another server."
    ),
    "classroom.save_button": "Save and get a link",
    "classroom.saved": "Saved. Resume link:",
    "classroom.resumed": "Saved run restored: {epochs} epochs trained.",
    # tasks and challenges on the Playground
    "classroom.task": "Task",
    "classroom.goal": "Goal: {metric} {op} {target}.",
    "classroom.budgets": "Budgets: {items}.",
    "classroom.budget_item.epochs": "epochs: at most {n}",
    "classroom.budget_item.params": "parameters: at most {n}",
    "classroom.budget_item.layers": "hidden layers: at most {n}",
    "classroom.budget_item.units": "neurons per hidden layer: at most {n}",
    "classroom.budget_item.features": "inputs {names}",
    "classroom.budget_item.acts": "hidden activations {names}",
    "classroom.budget_item.head": "output head {name}",
    "classroom.metric.val_loss": "test loss",
    "classroom.metric.val_accuracy": "test accuracy",
    "classroom.passed": "Passed: {metric} = {value} with {params} parameters after {epochs} epochs.",
    "classroom.progress": "Now: {metric} = {value}, {params} parameters, {epochs} epochs.",
    "classroom.failed": "Not passed: {reasons}.",
    "classroom.budget.locked": "{names} must stay as the challenge set them",
    "classroom.budget.params": "{used} parameters, the budget is {limit}",
    "classroom.budget.epochs": "{used} epochs, the budget is {limit}",
    "classroom.budget.layers": "{used} hidden layers, at most {limit}",
    "classroom.budget.units": "{used} neurons in a layer, at most {limit}",
    "classroom.budget.features": "inputs {names} are not allowed (allowed: {allowed})",
    "classroom.budget.acts": "activation {names} is not allowed (allowed: {allowed})",
    "classroom.budget.head": "the output head is {used}, the challenge asks for {wanted}",
    "classroom.out_of_epochs": "The epoch budget is spent and the goal is not met.",
    "classroom.leave": "Leave the task",
    "classroom.hint": "Hint",
    "classroom.why": "Why?",
    "classroom.locked_note": "Some controls are locked by the task: they show their value but cannot change.",
    # submitting
    "classroom.submit": "Submit to a class",
    "classroom.join_code": "Join code",
    "classroom.nickname": "Nickname",
    "classroom.submit_button": "Submit this run",
    "classroom.submitted": "Submitted to {name}: {metric} = {value}.",
    "classroom.submit_over_budget": "Only a run within the budgets can be submitted.",
    # Challenges page
    "classroom.challenges_title": "Challenges",
    "classroom.challenges_intro": (
        "Each challenge opens a trimmed Playground with the task at the top. Meet the goal within the budgets: "
        "training stops at the goal or when the epoch budget is spent."
    ),
    "classroom.open_challenge": "Open in the Playground",
    # Teacher page
    "classroom.teacher_title": "Teacher",
    "classroom.class_section": "1. Create a class",
    "classroom.class_name": "Class name",
    "classroom.create_class": "Create the class",
    "classroom.class_created": "Class **{name}** created. Keep the board link to yourself; give students the join code.",
    "classroom.join_code_is": "Join code for students",
    "classroom.board_link": "Your class board (keep private)",
    "classroom.link_section": "2. Make a class link",
    "classroom.start_from": "Starting state",
    "classroom.start_playground": "the Playground as I set it up in this session",
    "classroom.start_challenge": "a challenge's starting state",
    "classroom.hide": "Hidden controls",
    "classroom.lock": "Locked controls (shown, not changeable)",
    "classroom.task_text": "Task for the students",
    "classroom.goal_pick": "Goal (optional)",
    "classroom.no_goal": "no goal",
    "classroom.link_class": "Board key of the class (optional: students then submit to it by nickname only)",
    "classroom.make_link": "Make the link",
    "classroom.link_made": "Class link:",
    "classroom.control.class_maps": "class maps toggle",
    # Class board page
    "classroom.board_title": "Class board",
    "classroom.board_key": "Board key",
    "classroom.board_intro": "Ranked by each challenge's metric; runs over budget are not ranked. Refreshes itself.",
    "classroom.board_empty": "No submissions yet.",
    "classroom.board_download": "Download the board (CSV)",
    "classroom.col.rank": "Rank",
    "classroom.col.nickname": "Nickname",
    "classroom.col.challenge": "Challenge",
    "classroom.col.metric": "Metric",
    "classroom.col.passed": "Passed",
    "classroom.col.params": "Parameters",
    "classroom.col.epochs": "Epochs",
    "classroom.col.open": "Open",
    # the challenges
    "classroom.ch.gaussians_one_neuron.title": "One neuron, two clouds",
    "classroom.ch.gaussians_one_neuron.task": (
        "Separate the two Gaussian clouds with no hidden layer at all: one sigmoid neuron (logistic regression)."
    ),
    "classroom.ch.gaussians_one_neuron.hint": "Two clouds apart are split by one straight line: Play and wait.",
    "classroom.ch.circle_squares.title": "A circle from squares",
    "classroom.ch.circle_squares.task": (
        "No hidden layer allowed. Classify the circle by choosing the right input features."
    ),
    "classroom.ch.circle_squares.hint": "A circle is x1² + x2² = r²: switch on the inputs x1^2 and x2^2.",
    "classroom.ch.xor_three.title": "XOR with three neurons",
    "classroom.ch.xor_three.task": "Solve XOR with one hidden layer of at most 3 neurons, from x1 and x2 only.",
    "classroom.ch.xor_three.hint": (
        "Try ReLU in the hidden layer, or another seed: three tanh neurons can get stuck on a poor split."
    ),
    "classroom.ch.circle_linear.title": "Linear layers on a circle",
    "classroom.ch.circle_linear.task": (
        "Only linear hidden activations are allowed. Reach 90% test accuracy on the circle."
    ),
    "classroom.ch.circle_linear.hint": (
        "Deeper or wider linear layers do not help. Change what the network sees: the inputs x1^2 and x2^2."
    ),
    "classroom.ch.circle_linear.why": (
        "A linear function of a linear function is still linear (notes §9): any stack of linear layers is one "
        "linear layer, and a sigmoid on top of it draws one straight line. No straight line separates the "
        "inside of a circle from the outside, so with x1 and x2 alone the goal cannot be met."
    ),
    "classroom.ch.moons_small.title": "Moons on a budget",
    "classroom.ch.moons_small.task": "Separate the two moons with at most 25 parameters.",
    "classroom.ch.moons_small.hint": "One hidden layer of 4 tanh neurons has 17 parameters; raise the learning rate.",
    "classroom.ch.blobs_softmax.title": "Four blobs, one softmax",
    "classroom.ch.blobs_softmax.task": "Classify four blobs with a softmax output layer (one neuron per class).",
    "classroom.ch.blobs_softmax.hint": "Keep the softmax head; a few hidden ReLU neurons are enough.",
    "classroom.ch.multilabel_sigmoid.title": "Several labels at once",
    "classroom.ch.multilabel_sigmoid.task": (
        "Each point may carry several of 3 labels: use the multi-label head (one sigmoid per label)."
    ),
    "classroom.ch.multilabel_sigmoid.hint": (
        "Softmax would force one label per point; independent sigmoids say yes or no for each label."
    ),
    "classroom.ch.house_relu_head.title": "A price is never negative",
    "classroom.ch.house_relu_head.task": (
        "Predict house prices (never below zero) with a ReLU output layer; reach test loss (MSE) under 0.1."
    ),
    "classroom.ch.house_relu_head.hint": (
        "If the loss stays flat, the ReLU output died (it outputs 0 for every house): try tanh in the hidden "
        "layer or a smaller learning rate, then Reset."
    ),
    "classroom.ch.spiral_60.title": "The spiral in 60 parameters",
    "classroom.ch.spiral_60.task": "Reach test loss under 0.1 on the spiral with at most 60 parameters.",
    "classroom.ch.spiral_60.hint": (
        "Richer inputs cost few parameters: try sin(x1), sin(x2) and the squares with one small hidden layer."
    ),
}
