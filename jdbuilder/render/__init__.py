"""Renderers: a JobPack in, the bytes of one document out."""
