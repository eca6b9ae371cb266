"""Stage 5, run: documents extracted whole or in pieces, runs over folders and archives in
numbered, resumable batches — in this process, a process pool or a Dask cluster — and the
command line (``python -m extract``).
"""

from extract.run.batches import BatchOptions
from extract.run.document import extract_document, figures_frame
from extract.run.executors import dask_executor, local_executor
from extract.run.output import OutputInUse, Target
from extract.run.runner import RunResult, run_paths
from extract.run.spark import figures_of_frames
from extract.run.work import BatchReport, run_batch

__all__ = [
    "BatchOptions",
    "BatchReport",
    "OutputInUse",
    "RunResult",
    "Target",
    "dask_executor",
    "extract_document",
    "figures_frame",
    "figures_of_frames",
    "local_executor",
    "run_batch",
    "run_paths",
]
