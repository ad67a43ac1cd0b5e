"""Developer scripts: rendering resumes, making the demo samples, training."""
