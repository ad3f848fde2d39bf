from digiwelfare.cli import main

raise SystemExit(main())
