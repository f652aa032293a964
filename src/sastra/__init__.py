"""Sastra (សាស្ត្រា): a Khmer/English publishing toolkit."""

__version__ = "0.1.0"
