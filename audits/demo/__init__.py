"""The demo world: bundled platforms with their truth files, and the local server that serves them."""
