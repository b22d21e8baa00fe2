Module Settings
    Public Const Region As String = "eu"
    Dim HawzuToken As String = "R3f3ynMIOidgigUrPOHC9JvVZZ84PcdpqTDD81"
End Module
