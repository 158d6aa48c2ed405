"""The version of rolefinder: one line, read by the build and by every module that shows it."""

__version__ = "2.1.0"
