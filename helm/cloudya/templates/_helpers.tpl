{{- define "cloudya.labels" -}}
app.kubernetes.io/part-of: cloudya
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end }}

{{- define "cloudya.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{- define "cloudya.fullname" -}}
{{ .root.Release.Name }}-{{ .name }}
{{- end }}
