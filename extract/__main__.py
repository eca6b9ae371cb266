import sys

from extract.run.cli import main

sys.exit(main())
