"""``python -m desktop``: open the Confidant window."""

import sys

from desktop.app import main

sys.exit(main())
