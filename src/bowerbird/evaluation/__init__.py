"""Evaluation of Bowerbird components against gold-standard files."""
