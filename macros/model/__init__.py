"""Layer 1, the model: what content is. Field kinds, content types, allow-listed vocabularies, the
problem type every check reports with, and the list of pages allowed to run macros.
Imports nothing of ours."""
