"""The attachments of the LAKIP: evaluation tables, pernyataan telah dievaluasi."""
