"""Question banks: model, safe YAML, validation, library, cache, grounding."""
