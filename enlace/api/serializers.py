from django.contrib.auth import get_user_model
from rest_framework import serializers

from enlace.directory.models import Organization

User = get_user_model()


class OrganizationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["code", "kind", "name_es", "name_en", "acronym_es", "acronym_en", "iso3"]


class PersonSerializer(serializers.ModelSerializer):
    organization = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    name = serializers.CharField(source="get_full_name", read_only=True)

    class Meta:
        model = User
        fields = [
            "id",
            "name",
            "first_name",
            "last_name",
            "email",
            "organization",
            "role",
            "position",
            "language",
        ]
