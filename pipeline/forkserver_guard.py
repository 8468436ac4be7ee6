"""The workers' forkserver imports this first (`paper_pool` puts it in the forkserver's
preload), and from then on exits when the process that started it exits, however it
exits. Left alone a forkserver lives while any process holds its pipe (its owner, any
worker) and, while it spends seconds importing the pipeline, is deaf to all of them.
Importing this anywhere else would tie that process's life to its parent's."""
import os

from pipeline.workers import exit_with

exit_with(os.getppid())
