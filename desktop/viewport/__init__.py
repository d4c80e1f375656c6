"""The 3D viewport: a pyvistaqt QtInteractor showing the built model on a bed-sized build plate."""
