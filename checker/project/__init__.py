"""Running termcheck in a project: configuration, suppressions, baseline, fixes, set-up."""
