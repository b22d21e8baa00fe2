pipeline {
  agent any
  environment {
    HAWZU_URL   = 'https://api.hawzu.com'
    HAWZU_TOKEN = 'Fsl08Qq_c71n_b5qixH0m5LZnwTZeS1uhSlfBTHB'
  }
  stages {
    stage('Upload') { steps { sh 'npm run upload' } }
  }
}
