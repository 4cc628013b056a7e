"""The lakip project: SAKIP/LAKIP quarterly performance of a regional agency."""

__version__ = "0.8.0"
