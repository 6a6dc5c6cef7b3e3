"""Trained models and the code that builds them (the labeller, its synthetic training data)."""
