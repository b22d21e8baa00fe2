// build.gradle.kts: a project extra property
val hawzuToken by extra("buMY3058CRNoVEiDOBFPZvszXSD9CDAOJGvEXa")
