"""safehaven: platform-safety audit toolkit."""
__version__ = "0.1.0"
