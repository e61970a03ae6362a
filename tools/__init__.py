"""Developer tools: synthetic member workbooks and the bundled samples.

Nothing here is imported by the application: ``tools.synth`` writes large
workbooks for benchmarks and tests, ``tools.make_samples`` writes the sample
workbooks under ``resources/samples`` together with their expected figures,
which ``tools.reference_rules`` computes independently of ``print_engine``.
All data is synthetic.
"""
