"""Where the map step runs: the files are checked here, in forked processes (`--jobs N`),
or on a Dask cluster (`--engine dask`). The pipeline is given one of these; it imports none.
"""

from __future__ import annotations

from functools import partial


def choose(jobs: int = 1, scheduler=None, send: str = "auto"):  # noqa: ANN001, ANN201
    """The map step for `jobs` processes or the Dask cluster at `scheduler` (an address, a
    distributed Client or LocalCluster; `send`: whether the files' content goes with the
    tasks, see dask_cluster.map_dask); None for one process, the pipeline's own."""
    if scheduler is not None:
        from checker.engines.dask_cluster import map_dask

        return partial(map_dask, scheduler=scheduler, send=send)
    if jobs > 1:
        from checker.engines.local import map_processes

        return partial(map_processes, jobs=jobs)
    return None
