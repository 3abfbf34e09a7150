"""The Streamlit workbench: thin pages over the pipeline's functions."""
