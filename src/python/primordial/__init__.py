"""Primordial: random, untrained neural networks as pictures.

    import primordial
    primordial.Network(depth=18, seed=7)            # a notebook shows the picture
    img = primordial.render(depth=18, size=(512, 512))   # numpy uint8 (512, 512, 3)

Settings are the command line's network flags with _ for - (docs/PYTHON.md). The pictures are the
CPU evaluator's, pixel for pixel those of `primordial render --backend cpu`.
"""
from ._primordial import Network, __version__, network, render, stats

__all__ = ["Network", "__version__", "network", "render", "stats"]
