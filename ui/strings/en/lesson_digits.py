STRINGS = {
    "digits.title": "Handwritten digits: softmax on images",
    "digits.intro": (
        "{n} small images of handwritten digits, 8 × 8 pixels each; a pixel is a number from 0 (white) to 16 "
        "(black). Each image becomes one row of 64 numbers (rows = examples, a 2-D array of shape {shape}), "
        "and the output layer has 10 neurons, one per digit: a softmax over 0-9. A Normalization layer first "
        "rescales every pixel column, then a ReLU hidden layer, then a linear output layer trained with "
        "`SparseCategoricalCrossentropy(from_logits=True)`."
    ),
    "digits.examples": "Some training images",
    "digits.hidden_units": "neurons in the hidden layer",
    "digits.epochs": "epochs",
    "digits.learning_rate": "learning rate (Adam)",
    "digits.seed": "seed (initial weights)",
    "digits.train": "Train the network",
    "digits.press_train": "Press **Train the network** (it takes about a second).",
    "digits.test_accuracy": "test accuracy",
    "digits.train_accuracy": "training accuracy",
    "digits.test_size": "test images",
    "digits.mistake_count": "mistakes on the test set",
    "digits.gallery_header": "Test images and the network's top 3 guesses",
    "digits.gallery_text": (
        "Each image shows its true digit, then the three most likely digits with their probabilities "
        "(softmax outputs a_j). A blue frame and ✓ mean the first guess is right, an orange frame and ✗ wrong."
    ),
    "digits.page": "test images from number",
    "digits.confusion_header": "Confusion matrix",
    "digits.confusion_text": (
        "Row = the true digit, column = the network's answer. The diagonal counts right answers; every number "
        "off the diagonal is a mistake, e.g. row 8, column 1: an 8 taken for a 1."
    ),
    "digits.mistakes_header": "The mistakes it still makes",
    "digits.no_mistakes": "No mistakes on the test set.",
    "digits.bad_training": "Training failed: {message}",
}
