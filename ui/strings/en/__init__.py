"""English: every key lives here, and any key another language lacks is shown in English."""

NAME = "English"
