"""REST endpoints of the directory: organizations and people, for members of the Network."""

from django.contrib.auth import get_user_model
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from enlace.api.permissions import IsNetworkMember
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


@extend_schema(tags=["directory"])
class OrganizationViewSet(viewsets.ReadOnlyModelViewSet):
    """Member states and organizations of the Network."""

    serializer_class = OrganizationSerializer
    permission_classes = [IsNetworkMember]
    lookup_field = "code"
    queryset = Organization.objects.filter(is_active=True).order_by("kind", "code")


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("organization", str, description="Organization code"),
            OpenApiParameter("role", str, description="Role"),
        ]
    )
)
@extend_schema(tags=["directory"])
class PersonViewSet(viewsets.ReadOnlyModelViewSet):
    """Active people of the Network, filterable by ?organization=CODE and ?role=ROLE."""

    serializer_class = PersonSerializer
    permission_classes = [IsNetworkMember]

    def get_queryset(self):
        people = (
            User.objects.filter(is_active=True).select_related("organization").order_by("last_name", "pk")
        )
        if self.action != "list":  # the filters are the list's; a person's own address ignores them
            return people
        if code := self.request.query_params.get("organization"):
            people = people.filter(organization__code=code)
        if role := self.request.query_params.get("role"):
            people = people.filter(role=role)
        return people
