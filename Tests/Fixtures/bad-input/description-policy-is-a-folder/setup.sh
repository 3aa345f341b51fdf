mkdir policies
