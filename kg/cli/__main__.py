"""``python -m kg.cli``: the same as the ``kg`` command."""
from . import main

if __name__ == "__main__":  # not when a worker process imports this module again
    main()
